// The route table: the welcome screen stands alone; every other page sits inside the nav layout.
import { Navigate, Route, Routes } from "react-router-dom";
import { AppLayout } from "./layout/AppLayout";
import { StartPage } from "./StartPage";
import { WelcomePage } from "../features/welcome/WelcomePage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { CustomersPage } from "../features/customers/CustomersPage";
import { ImportPage } from "../features/import/ImportPage";
import { SegmentsPage } from "../features/segments/SegmentsPage";
import { TiersPage } from "../features/tiers/TiersPage";
import { CarePage } from "../features/care/CarePage";
import { ActivitiesPage } from "../features/activities/ActivitiesPage";
import { CouponsPage } from "../features/coupons/CouponsPage";
import { SettingsPage } from "../features/settings/SettingsPage";

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<StartPage />} />
      <Route path="welcome" element={<WelcomePage />} />
      <Route element={<AppLayout />}>
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="segments" element={<SegmentsPage />} />
        <Route path="tiers" element={<TiersPage />} />
        <Route path="care" element={<CarePage />} />
        <Route path="activities" element={<ActivitiesPage />} />
        <Route path="coupons" element={<CouponsPage />} />
        <Route path="settings" element={<SettingsPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
