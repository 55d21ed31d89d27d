export { FaqSearch } from './FaqSearch';
export { FaqPublishMutation, FaqRetireMutation, FaqSearchQuery, FaqUpdateMutation } from './operations';
