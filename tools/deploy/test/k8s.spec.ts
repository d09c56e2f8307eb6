// The Kubernetes manifests, as `kubectl kustomize` renders each overlay (offline): every app with its probes,
// resources and environment (checked by the apps' own config loaders), one image, the supergraph ConfigMap, the
// NetworkPolicy, autoscaling, disruption budgets, shared storage, the seed Job and the Ingress.
import { APPS, parseYaml, read, renderOverlay, SUBGRAPH_NAMES, validateAppEnv, type K8sObject } from './deployment';

const OVERLAYS = ['dev', 'prod'] as const;

/** The example Secret: the keys an operator creates (placeholders that pass validation, never real values). */
const exampleSecret = parseYaml(read('k8s/secret.example.yaml')) as K8sObject;

function matches(selector: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const v = labels[e.key];
    if (e.operator === 'In') return v !== undefined && (e.values ?? []).includes(v);
    if (e.operator === 'NotIn') return v === undefined || !(e.values ?? []).includes(v);
    if (e.operator === 'Exists') return v !== undefined;
    if (e.operator === 'DoesNotExist') return v === undefined;
    throw new Error(`operator ${e.operator}`);
  });
  return byLabels && byExpressions;
}

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  let objects: K8sObject[];
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployment = (name: string) => {
    const d = find('Deployment', name);
    if (!d) throw new Error(`no Deployment ${name}`);
    return d;
  };
  const container = (d: K8sObject) => d.spec.template.spec.containers[0];

  beforeAll(() => {
    objects = renderOverlay(overlay);
  });

  it('renders, commits no Secret and puts everything in one namespace', () => {
    expect(objects.length).toBeGreaterThan(20);
    expect(all('Secret')).toEqual([]);
    const namespaces = new Set(objects.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace));
    expect([...namespaces]).toEqual([overlay === 'prod' ? 'thidua' : 'thidua-dev']);
  });

  it.each(APPS.map((a) => [a.name, a] as const))('%s: a Deployment and Service with probes, resources, its command and port', (name, app) => {
    const d = deployment(name);
    const c = container(d);
    expect(c.command).toEqual(['node', '--enable-source-maps', `dist/apps/${name}/main.js`]);
    expect(c.ports).toEqual([
      { name: 'http', containerPort: app.port },
      { name: 'metrics', containerPort: 9464 },
    ]);
    // Prometheus finds the metrics port by the pod's annotations; the process serves it because METRICS_PORT says so.
    expect(d.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464', 'prometheus.io/path': '/metrics' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    for (const kind of ['requests', 'limits']) {
      expect(c.resources[kind]).toEqual({ cpu: expect.anything(), memory: expect.anything() });
    }
    expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(d.spec.selector.matchLabels['app.kubernetes.io/name']).toBe(name);
    const svc = find('Service', name);
    expect(svc?.spec.selector).toEqual(d.spec.selector.matchLabels);
    expect(svc?.spec.ports).toEqual([expect.objectContaining({ port: app.port, targetPort: 'http' })]);
  });

  it('runs one image everywhere (apps and the seed Job)', () => {
    const images = new Set([...APPS.map((a) => container(deployment(a.name)).image), find('Job', 'migrate-and-seed')?.spec.template.spec.containers[0].image]);
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(overlay === 'prod' ? /^registry\.example\.gov\.vn\/thidua\/thidua:\d/ : /^thidua\/thidua:/);
  });

  it("gives every app the environment its config requires in production (the apps' own loaders accept it)", () => {
    const configMaps = new Map(all('ConfigMap').map((c) => [c.metadata.name, c.data as Record<string, string>]));
    for (const app of APPS) {
      const c = container(deployment(app.name));
      const env: Record<string, string> = {};
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) {
          const data = configMaps.get(from.configMapRef.name);
          if (!data) throw new Error(`${app.name}: no ConfigMap ${from.configMapRef.name}`);
          Object.assign(env, data);
        }
        if (from.secretRef) {
          expect(from.secretRef.name).toBe(exampleSecret.metadata.name);
          Object.assign(env, exampleSecret.stringData);
        }
      }
      for (const e of c.env ?? []) env[e.name] = e.value;
      const s = validateAppEnv(app.name, env);
      expect({ app: app.name, production: s.production, host: s.host, port: s.port, database: s.database.kind }).toEqual({ app: app.name, production: true, host: '0.0.0.0', port: app.port, database: 'mysql' });
      expect(s.gatewayUrl).toBe('http://gateway:4000/graphql');
      expect(env.METRICS_PORT).toBe('9464');
      if (app.name === 'reporting' || app.name === 'report-worker') expect(s.redisUrl).toMatch(/^rediss?:\/\//);
      if (app.name === 'gateway' && 'subgraphUrls' in s) {
        expect(s.subgraphUrls).toEqual(Object.fromEntries(APPS.filter((a) => a.kind === 'subgraph').map((a) => [a.name, `http://${a.name}:${a.port}/graphql`])));
        expect(s.reportWorkerUrl).toBe('http://report-worker:4005');
      }
    }
    // The Secret holds what must not be in a ConfigMap.
    expect(Object.keys(exampleSecret.stringData).sort()).toEqual(['AUTH_JWT_SECRET', 'DATABASE_URL', 'GATEWAY_SECRET', 'REDIS_URL']);
  });

  it('mounts the checked-in supergraph into the gateway from a generated ConfigMap (SUPERGRAPH_PATH)', () => {
    const gateway = deployment('gateway');
    const c = container(gateway);
    const path = c.env.find((e: { name: string }) => e.name === 'SUPERGRAPH_PATH').value as string;
    const mount = c.volumeMounts.find((m: { mountPath: string }) => path.startsWith(`${m.mountPath}/`));
    const volume = gateway.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount.name);
    const cm = find('ConfigMap', volume.configMap.name);
    expect(cm?.metadata.name).toMatch(/^thidua-supergraph-[a-z0-9]+$/);
    expect(cm?.data[path.slice(mount.mountPath.length + 1)]).toBe(read('apps/gateway/supergraph.graphql'));
  });

  it('lets only the gateway and the report worker reach the subgraphs, and only the gateway the worker', () => {
    const policies = all('NetworkPolicy');
    const podLabels = (name: string) => deployment(name).spec.template.metadata.labels as Record<string, string>;
    const admitted = (target: string) => {
      const selecting = policies.filter((p) => matches(p.spec.podSelector, podLabels(target)) && (p.spec.policyTypes ?? ['Ingress']).includes('Ingress'));
      if (!selecting.length) return null; // not isolated: anyone
      const from = new Set<string>();
      for (const p of selecting) {
        for (const rule of p.spec.ingress ?? []) {
          // Prometheus in the monitoring namespace may read the metrics port, and nothing else.
          const metricsOnly = (rule.ports ?? []).length > 0 && rule.ports.every((port: { port: string }) => port.port === 'metrics');
          if (metricsOnly && (rule.from ?? []).every((peer: K8sObject) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring')) continue;
          for (const peer of rule.from ?? [{}]) {
            if (peer.ipBlock || peer.namespaceSelector) throw new Error(`${p.metadata.name}: admits more than pods of this namespace`);
            for (const app of APPS) if (matches(peer.podSelector ?? {}, podLabels(app.name))) from.add(app.name);
          }
        }
      }
      return [...from].sort();
    };
    for (const subgraph of SUBGRAPH_NAMES) expect({ subgraph, from: admitted(subgraph) }).toEqual({ subgraph, from: ['gateway', 'report-worker'] });
    expect(admitted('report-worker')).toEqual(['gateway']);
  });

  it('autoscales the gateway and the subgraphs and keeps one pod of each app through disruptions', () => {
    const hpas = all('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(['gateway', ...SUBGRAPH_NAMES].sort());
    for (const h of hpas) {
      expect(h.spec.scaleTargetRef.kind).toBe('Deployment');
      expect(h.spec.maxReplicas).toBeGreaterThanOrEqual(h.spec.minReplicas);
    }
    for (const app of APPS) {
      const labels = deployment(app.name).spec.template.metadata.labels;
      const pdbs = all('PodDisruptionBudget').filter((p) => matches(p.spec.selector, labels));
      expect({ app: app.name, pdbs: pdbs.length }).toEqual({ app: app.name, pdbs: 1 });
      // Production keeps one pod up; development (one replica) lets a drain take it.
      expect(pdbs[0].spec).toEqual(expect.objectContaining(overlay === 'prod' ? { minAvailable: 1 } : { maxUnavailable: 1 }));
    }
    expect(deployment('report-worker').spec.replicas).toBeGreaterThanOrEqual(2);
  });

  it('shares one volume for uploaded files (participants) and report documents (reporting and the workers)', () => {
    const claimOf = (name: string, path: string) => {
      const d = deployment(name);
      const mount = container(d).volumeMounts.find((m: { mountPath: string }) => m.mountPath === path);
      return d.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount?.name)?.persistentVolumeClaim?.claimName;
    };
    const claims = [claimOf('participants', '/data/files'), claimOf('reporting', '/data/reports'), claimOf('report-worker', '/data/reports')];
    expect(new Set(claims).size).toBe(1);
    const pvc = find('PersistentVolumeClaim', claims[0]);
    expect(pvc).toBeDefined();
    if (overlay === 'prod') expect(pvc?.spec.accessModes).toEqual(['ReadWriteMany']);
    // FileStore keeps uploads in DATA_DIR/files and documents in DATA_DIR/reports.
    expect(find('ConfigMap', 'thidua-config')?.data.DATA_DIR).toBe('/data');
  });

  it('has the migrate-and-seed Job and a TLS Ingress to the gateway', () => {
    const job = find('Job', 'migrate-and-seed');
    const c = job?.spec.template.spec.containers[0];
    expect(c.command).toEqual(['sh', 'docker/seed.sh']);
    expect(c.envFrom.map((f: { configMapRef?: { name: string }; secretRef?: { name: string } }) => f.configMapRef?.name ?? f.secretRef?.name).sort()).toEqual(['thidua-config', 'thidua-secrets']);
    const ingress = find('Ingress', 'thidua');
    expect(ingress?.spec.tls[0].secretName).toBeTruthy();
    expect(ingress?.spec.tls[0].hosts).toEqual([ingress?.spec.rules[0].host]);
    expect(ingress?.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeTruthy();
    expect(ingress?.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'gateway', port: { name: 'http' } });
  });

  it(overlay === 'dev' ? 'runs MariaDB and Redis in the cluster with persistence' : 'runs no database or Redis in the cluster', () => {
    const sets = all('StatefulSet');
    if (overlay === 'prod') {
      expect(sets).toEqual([]);
      return;
    }
    expect(sets.map((s) => s.metadata.name).sort()).toEqual(['mariadb', 'redis']);
    for (const s of sets) expect(s.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeTruthy();
    const mariadb = find('StatefulSet', 'mariadb')?.spec.template.spec.containers[0];
    expect(mariadb.args).toEqual(expect.arrayContaining(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_uca1400_vietnamese_as_ci']));
    const redis = find('StatefulSet', 'redis')?.spec.template.spec.containers[0];
    expect(redis.command.join(' ')).toMatch(/--appendonly yes.*--maxmemory-policy noeviction/);
    expect(find('Service', 'mariadb')?.spec.ports[0].port).toBe(3306);
    expect(find('Service', 'redis')?.spec.ports[0].port).toBe(6379);
  });
});

it('k8s/base/supergraph.graphql is the checked-in supergraph (npm run compose copies it)', () => {
  expect(read('k8s/base/supergraph.graphql')).toBe(read('apps/gateway/supergraph.graphql'));
});
