import { ChartsSkeleton } from "@/components/charts/charts-skeleton";

export default function Loading() {
  return <ChartsSkeleton />;
}
