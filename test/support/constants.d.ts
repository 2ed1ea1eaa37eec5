export declare const TEMPLATE_DATABASE = "fracval_template";
export declare const TEST_PSEUDONYM_SECRET = "test-pseudonym-secret-0123456789";
export declare const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdefghijklmnop";
