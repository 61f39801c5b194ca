// The peer: the hiera and Kubernetes files mwexp writes, as a Jsonnet function of the same model
// (JsonnetPeer passes the setup as JSON). Returns path -> file text, as `jsonnet -m -S` writes it.
// The benchmark checks that the files are mwexp's documents. Deployment workloads only.
function(s)
  local svc = s.service;
  local selector = { app: svc.name, release: svc.release };
  local labels = svc.labels + selector + {
    servergroup: svc.servergroup,
    'app.kubernetes.io/managed-by': 'mwexp',
  };
  local metadata(name) = { name: name, namespace: svc.namespace, labels: labels };
  local quantities(q) = { cpu: q.cpu, memory: q.memory };
  local phpDir = '/etc/php-mwexp.d';
  local overrides = svc.name + '-php-overrides';

  // php.ini overrides, sorted, one directive a line; devel mode adds what the model leaves unset.
  local iniSet = s.php.ini + {
    'opcache.validate_timestamps': if s.php.opcacheValidateTimestamps then '1' else '0',
  };
  local iniAll = if s.php.develMode then { 'opcache.revalidate_freq': '0', display_errors: 'On' } + iniSet else iniSet;
  local ini = '; mw-experimental php-fpm overrides, written by mwexp\n'
              + std.join('', ['%s=%s\n' % [k, iniAll[k]] for k in std.objectFields(iniAll)]);

  local configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(overrides),
    data: { '99-mw-experimental.ini': ini },
  };

  local deployment(replicas) = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(svc.name),
    spec: {
      replicas: replicas,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels: labels,
          [if svc.prometheusScrape then 'annotations']: {
            'prometheus.io/port': std.toString(svc.metricsPort),
            'prometheus.io/scrape': 'true',
          },
        },
        spec: {
          nodeSelector: { [s.label.key]: s.label.value },
          tolerations: [
            { key: t.key, operator: 'Equal', value: t.value, effect: t.effect }
            for t in s.taints
          ],
          affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' },
          ] } },
          containers: [{
            name: 'mediawiki',
            image: svc.image,
            env: [
              { name: 'PHP_INI_SCAN_DIR', value: ':' + phpDir },
              { name: 'SERVERGROUP', value: svc.servergroup },
            ],
            ports: [{ name: 'http', containerPort: svc.port, protocol: 'TCP' }],
            resources: { requests: quantities(svc.requests), limits: quantities(svc.limits) },
            volumeMounts: [
              { name: 'mediawiki-code', mountPath: svc.mountPath },
              { name: 'php-overrides', mountPath: phpDir, readOnly: true },
            ],
          }],
          volumes: [
            { name: 'mediawiki-code', hostPath: { path: svc.mountPath, type: 'Directory' } },
            { name: 'php-overrides', configMap: { name: overrides } },
          ],
        },
      },
    },
  };

  local service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(svc.name),
    spec: {
      type: 'NodePort',
      selector: selector,
      ports: [{ name: 'http', protocol: 'TCP', port: svc.port, targetPort: svc.port, nodePort: svc.port }],
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Local',
    },
  };

  local runner = 'profile::kubernetes::mediawiki_runner::';
  local d = s.deployers;
  local hostHiera = {
    [d.switchKey]: true,
    'profile::kubernetes::node::kubelet_node_labels': ['%s=%s' % [s.label.key, s.label.value]],
    'profile::kubernetes::node::kubelet_node_taints': ['%s=%s:%s' % [t.key, t.value, t.effect] for t in s.taints],
    deployment_group: d.deploymentGroup,
    [runner + 'mount_path']: svc.mountPath,
    [runner + 'mount_owner']: d.user,
    [runner + 'mount_group']: d.group,
    [runner + 'mount_mode']: d.mountMode,
    [runner + 'image_update_enabled']: s.refresh.enabled,
    [runner + 'image_update_timer']: s.refresh.timerName,
    [runner + 'image_update_on_calendar']: s.refresh.onCalendar,
    [runner + 'image_update_script']: s.refresh.script,
  };
  local sharedHiera = {
    [runner + 'deploy_user']: d.user,
    [runner + 'deploy_user_home']: '/var/lib/' + d.user,
    [runner + 'deploy_group']: d.group,
    [runner + 'servergroup']: svc.servergroup,
    [runner + 'image']: svc.image,
    [runner + 'alerting']: svc.alerting,
  };
  // Wikimedia's hiera levels with the shared file between role and site.
  local hieraConfig = {
    version: 5,
    defaults: { datadir: 'hieradata', data_hash: 'yaml_data' },
    hierarchy: [
      { name: 'Host', path: 'hosts/%{trusted.certname}.yaml' },
      { name: 'Role (site)', path: 'role/%{::site}/%{::_role}.yaml' },
      { name: 'Role', path: 'role/common/%{::_role}.yaml' },
      { name: 'mw-experimental (shared by its hosts)', path: 'common/mw_experimental.yaml' },
      { name: 'Site', path: '%{::site}.yaml' },
      { name: 'Common', path: 'common.yaml' },
    ],
  };

  local yaml(v) = std.manifestYamlDoc(v);
  local dcs = std.sort(s.datacenters, function(dc) dc.name);
  // What is the same in every host's or datacenter's file is rendered once, as mwexp does.
  local hostText = yaml(hostHiera);
  local configMapText = yaml(configMap);
  local serviceText = yaml(service);

  {
    ['k8s/%s/configmap-php.yaml' % dc.name]: configMapText
    for dc in dcs
  } + {
    ['k8s/%s/deployment.yaml' % dc.name]: yaml(deployment(std.length(dc.hosts)))
    for dc in dcs
  } + {
    ['k8s/%s/service.yaml' % dc.name]: serviceText
    for dc in dcs
  } + {
    ['hieradata/hosts/%s.yaml' % h]: hostText
    for dc in dcs
    for h in dc.hosts
  } + {
    'hieradata/common/mw_experimental.yaml': yaml(sharedHiera),
    'provision/vms.yaml': yaml({
      [dc.name]: [{ fqdn: h, role: 'kubernetes::worker' } for h in std.sort(dc.hosts)]
      for dc in dcs
    }),
    'hiera.yaml': yaml(hieraConfig),
  }
