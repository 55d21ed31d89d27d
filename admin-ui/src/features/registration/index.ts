export { REGISTRATION_PATH, RegistrationPage } from './RegistrationPage';
export { VERIFICATION_PATH, VerificationQueuePage } from './VerificationQueuePage';
