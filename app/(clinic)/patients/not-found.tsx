// The patient layout's own notFound() (unknown id, another clinic, outside the caseload) is
// caught here, above that layout, so it reads the same as one raised by a tab page.
export { default } from "./[patientId]/not-found";
