import { Outlet } from 'react-router';
import { ProcureNav } from './ProcureNav';
import { ProfileHeader } from './ProfileHeader';

/** The frame of the professional's screens: heading, register entry, tabs. */
export function ProcureLayout() {
  return (
    <>
      <h1>Procure</h1>
      <ProfileHeader />
      <ProcureNav />
      <Outlet />
    </>
  );
}
