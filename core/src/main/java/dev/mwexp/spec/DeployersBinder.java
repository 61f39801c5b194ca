package dev.mwexp.spec;

import dev.mwexp.model.Deployers;
import dev.mwexp.model.ImmutableDeployers;

/** Binds the deployers section. */
final class DeployersBinder {

  Deployers deployers(SpecBinder.Fields f) {
    ImmutableDeployers.Builder b = ImmutableDeployers.builder();
    f.string("user").ifPresent(b::user);
    f.string("group").ifPresent(b::group);
    f.string("deploymentGroup").ifPresent(b::deploymentGroup);
    f.string("mountMode").ifPresent(b::mountMode);
    f.string("switchKey").ifPresent(b::switchKey);
    f.finish();
    return b.build();
  }
}
