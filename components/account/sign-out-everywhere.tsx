"use client";

import { useTransition } from "react";
import { signOut } from "next-auth/react";
import { signOutEverywhereAction } from "@/app/(clinic)/account/actions";
import { Button } from "@/components/ui/button";

export function SignOutEverywhere() {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/login" });
        })
      }
    >
      {pending ? "Signing out…" : "Sign out on every device"}
    </Button>
  );
}
