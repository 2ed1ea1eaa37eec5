export * from "./constants.js";
export * from "./database.js";
export * from "./session.js";
export * from "./wait-for.js";
export * from "./processes.js";
