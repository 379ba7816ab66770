"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/**
 * Client-side navigation for the plain links inside it (tiles, sort headers, patient
 * names, pages): one listener for the whole caseload instead of a client `Link` per
 * link. A modified click (new tab, download) or a link elsewhere keeps the browser's own
 * behaviour; Enter on a focused link is a click, so the keyboard works the same.
 */
export function SoftNav({ children, className }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!link || !root.contains(link) || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${link.pathname}${link.search}${link.hash}`);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [router]);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
