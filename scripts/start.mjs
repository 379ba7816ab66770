// Starts the production server on $PORT (default 3000). Runs next's own binary, not the
// npm wrapper, so stopping this process stops the server.
import { spawn } from "node:child_process";

const port = process.env.PORT || "3000";
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
