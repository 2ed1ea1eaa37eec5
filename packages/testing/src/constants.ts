export const TEMPLATE_DATABASE = "fracval_template";
export const TEST_PSEUDONYM_SECRET = "test-pseudonym-secret-0123456789";
export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdefghijklmnop";
