import {
  AuditOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FlagOutlined,
  HomeOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Select, Space, Tooltip, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { PageLoading } from '../components/PageLoading';
import { useScrollableRegions } from '../components/useScrollableRegions';
import { defaultConsortiumId, useCurrentConsortium } from './consortium';
import { LanguageSwitch } from './LanguageSwitch';

const AREAS = [
  { key: 'overview', icon: <ClusterOutlined />, label: 'nav.consortium' },
  { key: 'tickets', icon: <TagsOutlined />, label: 'nav.tickets' },
  { key: 'data', icon: <DatabaseOutlined />, label: 'nav.data' },
  { key: 'reviews', icon: <SafetyCertificateOutlined />, label: 'nav.reviews' },
  { key: 'contracts', icon: <FileProtectOutlined />, label: 'nav.contracts' },
  { key: 'milestones', icon: <FlagOutlined />, label: 'nav.milestones' },
  { key: 'portfolio', icon: <PieChartOutlined />, label: 'nav.portfolio' },
  { key: 'audit', icon: <AuditOutlined />, label: 'nav.audit' },
] as const;

/** The frame of every signed-in page: areas on the left, consortium, language and person on top. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = useCurrentConsortium();
  useScrollableRegions();
  const consortiumId = current?.id ?? defaultConsortiumId(session.consortia.nodes);
  const area = location.pathname.split('/')[3] ?? '';
  const top = location.pathname.split('/')[1] ?? '';
  const selected = location.pathname === '/' ? 'mywork' : top === 'people' ? 'people' : area;

  const items: { key: string; icon: ReactNode; label: ReactNode }[] = [
    { key: 'mywork', icon: <HomeOutlined />, label: <Link to="/">{t('nav.myWork')}</Link> },
    ...(consortiumId
      ? AREAS.map((a) => ({
          key: a.key,
          icon: a.icon,
          label: <Link to={`/c/${consortiumId}/${a.key}`}>{t(a.label)}</Link>,
        }))
      : []),
    // The organisation's people, for its admins (everyone else sees their roles on the page, unlinked).
    ...(session.roles.includes('ORG_ADMIN')
      ? [{ key: 'people', icon: <TeamOutlined />, label: <Link to="/people">{t('nav.people')}</Link> }]
      : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="tetrad-skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} width={208} theme="light" aria-label={t('appName')}>
        <div className="tetrad-brand">
          <Link to="/">Tetrad</Link>
        </div>
        <nav>
          <Menu mode="inline" selectedKeys={[selected]} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="tetrad-header">
          <Space wrap>
            <label htmlFor="consortium-picker" className="tetrad-visually-hidden">
              {t('consortiumPicker.label')}
            </label>
            <Select
              id="consortium-picker"
              style={{ minWidth: 260 }}
              placeholder={
                session.consortia.nodes.length
                  ? t('consortiumPicker.placeholder')
                  : t('consortiumPicker.none')
              }
              value={current?.id}
              options={session.consortia.nodes.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(id: string) => void navigate(`/c/${id}/${area || 'overview'}`)}
            />
          </Space>
          <Space wrap>
            <LanguageSwitch />
            <Tooltip title={session.email}>
              <Typography.Text data-testid="signed-in-as">
                {session.name}
                {session.organization ? ` · ${session.organization.name}` : ''}
              </Typography.Text>
            </Tooltip>
            <form method="post" action="/auth/logout">
              <Button htmlType="submit" size="small">
                {t('actions.signOut')}
              </Button>
            </form>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="tetrad-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
