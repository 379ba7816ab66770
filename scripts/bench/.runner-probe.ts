import { signInHttp } from "../lib/app-client";
const [base, path, n] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 200)];
async function main() {
  const cookie = await signInHttp(base, "admin@bench.test", "springback-bench");
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(base + path, { headers: { cookie } });
    await r.text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(path, "median", times[Math.floor(n / 2)]!.toFixed(1), "p90", times[Math.floor(n * 0.9)]!.toFixed(1));
}
main();
