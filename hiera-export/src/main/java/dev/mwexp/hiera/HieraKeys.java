package dev.mwexp.hiera;

/**
 * Hiera keys. Wikimedia's own: the kubernetes node profile's labels and taints, and
 * {@code deployment_group} (profile::kubernetes::mediawiki_runner). The rest are the keys of
 * mwexp's mw-experimental profile, under that class's namespace.
 */
final class HieraKeys {

  static final String NODE_LABELS = "profile::kubernetes::node::kubelet_node_labels";
  static final String NODE_TAINTS = "profile::kubernetes::node::kubelet_node_taints";
  static final String DEPLOYMENT_GROUP = "deployment_group";

  private static final String RUNNER = "profile::kubernetes::mediawiki_runner::";
  static final String MOUNT_PATH = RUNNER + "mount_path";
  static final String MOUNT_OWNER = RUNNER + "mount_owner";
  static final String MOUNT_GROUP = RUNNER + "mount_group";
  static final String MOUNT_MODE = RUNNER + "mount_mode";
  static final String IMAGE_UPDATE_ENABLED = RUNNER + "image_update_enabled";
  static final String IMAGE_UPDATE_TIMER = RUNNER + "image_update_timer";
  static final String IMAGE_UPDATE_ON_CALENDAR = RUNNER + "image_update_on_calendar";
  static final String IMAGE_UPDATE_SCRIPT = RUNNER + "image_update_script";
  static final String IMAGE = RUNNER + "image";
  static final String DEPLOY_USER = RUNNER + "deploy_user";
  static final String DEPLOY_USER_HOME = RUNNER + "deploy_user_home";
  static final String DEPLOY_GROUP = RUNNER + "deploy_group";
  static final String SERVERGROUP = RUNNER + "servergroup";
  static final String ALERTING = RUNNER + "alerting";

  private HieraKeys() {}
}
