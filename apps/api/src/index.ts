export { createApp, type App, type AppOptions } from "./app.js";
export { buildSchema, printFullSchema } from "./graphql/schema.js";
export { MissingAccessRuleError } from "./graphql/access-rules.js";
export { SESSION_COOKIES } from "./context.js";
