// The peer: the files of mwexp's hiera and k8s formats that both peers write (all but the Puppet
// class; see BENCHMARKS.md), as a Jsonnet function of the same model
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

  // A host's hiera: the switch, the kubelet label and the taints as K8s::Core::V1Taint structs.
  local hostHiera = {
    [s.deployers.switchKey]: true,
    'profile::kubernetes::node::kubelet_node_labels': ['%s=%s' % [s.label.key, s.label.value]],
    'profile::kubernetes::node::kubelet_node_taints': [
      { key: t.key, [if t.value != '' then 'value']: t.value, effect: t.effect }
      for t in s.taints
    ],
  };

  local yaml(v) = std.manifestYamlDoc(v);
  local dcs = std.sort(s.datacenters, function(dc) dc.name);
  // Every host's short name with its datacenter, by short name (site.pp's order).
  local nodes = std.sort(
    [{ host: std.split(h, '.')[0], dc: dc.name } for dc in dcs for h in dc.hosts],
    function(n) n.host
  );
  // site.pp as mwexp writes it into an empty repository: one single-host node regex a host.
  local sitePp = '# Node definitions (operations/puppet manifests/site.pp), as mwexp writes them for an empty repository.\n'
                 + std.join('', ['\nnode /^%s\\.%s\\./ {\n    role(kubernetes::worker)\n}\n' % [n.host, n.dc] for n in nodes]);
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
    ['puppet/hieradata/hosts/%s.yaml' % n.host]: hostText
    for n in nodes
  } + {
    'puppet/manifests/site.pp': sitePp,
    // The refresh script is the same for every setup; kept beside the library.
    'puppet/modules/profile/files/kubernetes/node/mw-experimental-mediawiki-image-update.py':
      importstr 'mw-experimental-mediawiki-image-update.py',
  }
