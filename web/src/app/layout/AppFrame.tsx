import { AppShell, Burger, Group, Progress } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { BrandMark } from '@/shared/ui/BrandMark';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { ColorSchemeToggle } from '@/shared/ui/ColorSchemeToggle';
import { AppNavbar } from './AppNavbar';
import classes from './layout.module.css';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header, role-based navigation and the page. */
export function AppFrame() {
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const isSmallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname]);

  return (
    <>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'lg' }}
      >
        <AppShell.Header>
          {navigation.state === 'loading' && (
            <Progress
              value={100}
              animated
              size={3}
              radius={0}
              pos="absolute"
              top={0}
              left={0}
              right={0}
              aria-label="Loading page"
            />
          )}
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={navOpened}
                aria-controls="app-navbar"
              />
              <Link to="/" className={classes.homeLink}>
                <BrandMark size="md" />
              </Link>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              <ColorSchemeToggle />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppNavbar onNavigate={nav.close} hidden={isSmallScreen && !navOpened} />
        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className={classes.main}>
          <Suspense fallback={<CenteredLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
