import Link from "next/link";

const link = "inline-flex min-h-11 items-center rounded-md border border-line bg-white px-4 text-sm font-semibold text-accent-strong hover:bg-surface";

/** Previous / next links that keep the rest of the URL's search state. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span className="text-sm text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
