export { ACCOUNT_PATH, AccountPage } from './AccountPage';
export { PasswordChangeRequiredPage } from './PasswordChangeRequiredPage';
export { RESET_PASSWORD_PATH, ResetPasswordPage } from './ResetPasswordPage';
