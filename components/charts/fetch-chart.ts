/** Reads a chart's JSON from the app's own route (the route goes through the DAL). */
export async function fetchChart<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(res.status === 404 ? "This patient's chart data was not found." : "The chart data could not be loaded.");
  return (await res.json()) as T;
}

