import type { Metadata } from "next";
import { listClinicUsers } from "@/lib/dal/users";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const users = await listClinicUsers();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Clinic accounts</h1>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {users.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <span className="font-semibold">{u.name}</span>
            <span className="text-sm text-muted">{u.email}</span>
            <Badge tone="accent">{u.role === "admin" ? "Admin" : "Therapist"}</Badge>
            {u.disabled ? <Badge>Disabled</Badge> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
