// Starts the production server on $PORT (default 3000): scripts/server.mjs in this very
// process, so stopping this process stops the server. Logs are JSON lines on stdout.
process.env.NODE_ENV = "production";
await import("./server.mjs");
