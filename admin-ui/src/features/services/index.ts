export { ServiceListQuery } from './operations';
export { SkillsEditor } from './SkillsEditor';
