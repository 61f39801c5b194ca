package dev.mwexp.hiera;

/**
 * The {@code hiera.yaml} the tree assumes: Wikimedia's production levels that a kubernetes worker
 * uses (host, role per site, role, site, common) with mwexp's shared file between role and site.
 */
final class HieraConfig {

  private HieraConfig() {}

  static String yaml() {
    return """
        # Hiera 5 configuration for the mwexp-generated hieradata (Wikimedia's levels).
        version: 5
        defaults:
          datadir: hieradata
          data_hash: yaml_data
        hierarchy:
          - name: "Host"
            path: "hosts/%{trusted.certname}.yaml"
          - name: "Role (site)"
            path: "role/%{::site}/%{::_role}.yaml"
          - name: "Role"
            path: "role/common/%{::_role}.yaml"
          - name: "mw-experimental (shared by its hosts)"
            path: "common/mw_experimental.yaml"
          - name: "Site"
            path: "%{::site}.yaml"
          - name: "Common"
            path: "common.yaml"
        """;
  }
}
