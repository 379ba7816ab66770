"use client";

import { useActionState } from "react";
import { changeRoleAction, resetPasswordAction, setDisabledAction } from "@/app/(clinic)/admin/actions";
import type { UserListItem } from "@/lib/dal/users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { OneTimePassword } from "./one-time-password";

export function UserRow({ user, isSelf }: { user: UserListItem; isSelf: boolean }) {
  const [disableState, disableAction, disabling] = useActionState(setDisabledAction, null);
  const [roleState, roleAction, changingRole] = useActionState(changeRoleAction, null);
  const [resetState, resetAction, resetting] = useActionState(resetPasswordAction, null);
  const error = [disableState, roleState, resetState].find((s) => s && !s.ok);
  return (
    <li className="flex flex-col gap-2 px-4 py-3" data-testid={`user-${user.email}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-semibold">{user.name}</span>
        <span className="text-sm text-muted">{user.email}</span>
        <Badge tone="accent">{user.role === "admin" ? "Clinic admin" : "Therapist"}</Badge>
        {user.disabled ? <Badge>Disabled</Badge> : null}
        {user.mustChangePassword ? <Badge tone="caution">Must change password</Badge> : null}
        {isSelf ? <span className="text-xs text-muted">(you)</span> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`role-${user.id}`} className="text-sm">
            Role
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="min-h-11 rounded-md border border-line bg-white px-2">
            <option value="therapist">Therapist</option>
            <option value="admin">Clinic admin</option>
          </select>
          <Button type="submit" variant="secondary" disabled={changingRole}>
            Change role
          </Button>
        </form>
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={disabling}>
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <Button type="submit" variant="secondary" disabled={resetting}>
            Reset password
          </Button>
        </form>
      </div>
      {error && !error.ok ? (
        <p role="alert" className="text-sm text-stop">
          {error.error}
        </p>
      ) : null}
      {resetState?.ok ? <OneTimePassword email={user.email} password={resetState.data.oneTimePassword} /> : null}
    </li>
  );
}
