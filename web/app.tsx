import { BoardPage } from './board/board-page.tsx';
import { ComingPage } from './components/coming-page.tsx';
import { ConsolePage } from './console/console-page.tsx';
import { DischargePage } from './discharge/discharge-page.tsx';
import { canReadDischarge, dischargeRoute } from './discharge/discharge-route.ts';
import { LoginPage } from './login/login-page.tsx';
import { PhonePage } from './phone/phone-page.tsx';
import { PlannerPage } from './planner/planner-page.tsx';
import { session } from './session/session.ts';

/** Each role lands on its view; no session: the log-in page. */
export function App() {
  const s = session.value;
  if (!s) return <LoginPage />;
  const discharge = dischargeRoute.value;
  if (discharge && canReadDischarge(s.user.role))
    return <DischargePage key={s.token} route={discharge} />;
  if (s.user.role === 'dispatcher') return <ConsolePage key={s.token} />;
  if (s.user.role === 'caregiver') return <PhonePage key={s.token} />;
  if (s.user.role === 'scheduler') return <PlannerPage key={s.token} />;
  if (s.user.role === 'manager') return <BoardPage key={s.token} />;
  return <ComingPage role={s.user.role} />;
}
