// What the CLI uses of the server beyond starting it.
export { createServices, loadUserActor, toDomainError } from "@dangan/server";
