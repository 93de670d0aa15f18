// Hash routes (#/employers, #/cases, #/cases/12): the app is loaded from a file-like app://
// origin in Electron, so the path part never changes and no history server is needed.
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'employers' }
  | { page: 'institutions' }
  | { page: 'cases'; employerId?: number }
  | { page: 'case'; caseId: number }
  | { page: 'users' }
  | { page: 'settings' }
  | { page: 'inspectors' }
  | { page: 'draws'; drawId?: number }
  | { page: 'tipoffs' }
  | { page: 'statistics' }
  | { page: 'risk' }
  | { page: 'plan' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const caseMatch = /^\/cases\/(\d+)$/.exec(path);
  if (caseMatch) return { page: 'case', caseId: Number(caseMatch[1]) };
  const casesMatch = /^\/cases(?:\?employer=(\d+))?$/.exec(path);
  if (casesMatch) return casesMatch[1] ? { page: 'cases', employerId: Number(casesMatch[1]) } : { page: 'cases' };
  if (path === '/users') return { page: 'users' };
  if (path === '/institutions') return { page: 'institutions' };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/inspectors') return { page: 'inspectors' };
  if (path === '/tipoffs') return { page: 'tipoffs' };
  if (path === '/statistics') return { page: 'statistics' };
  if (path === '/risk') return { page: 'risk' };
  if (path === '/plan') return { page: 'plan' };
  const drawMatch = /^\/draws(?:\/(\d+))?$/.exec(path);
  if (drawMatch) return drawMatch[1] ? { page: 'draws', drawId: Number(drawMatch[1]) } : { page: 'draws' };
  return { page: 'employers' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'employers':
      return '#/employers';
    case 'cases':
      return route.employerId ? `#/cases?employer=${route.employerId}` : '#/cases';
    case 'case':
      return `#/cases/${route.caseId}`;
    case 'users':
      return '#/users';
    case 'institutions':
      return '#/institutions';
    case 'settings':
      return '#/settings';
    case 'inspectors':
      return '#/inspectors';
    case 'tipoffs':
      return '#/tipoffs';
    case 'statistics':
      return '#/statistics';
    case 'risk':
      return '#/risk';
    case 'plan':
      return '#/plan';
    case 'draws':
      return route.drawId ? `#/draws/${route.drawId}` : '#/draws';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
