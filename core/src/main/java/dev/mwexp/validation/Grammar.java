package dev.mwexp.validation;

/**
 * The {@link Syntax} rules the validator checks values against. An enum rather than method
 * references: on Java 17 each method reference is a call site linked on first use, about 0.15 ms
 * apiece at start-up, and the validator has thirty of them on every run (issue 17).
 */
enum Grammar {
  DNS_LABEL,
  FQDN,
  LABEL_KEY,
  LABEL_VALUE,
  POSIX_NAME,
  HIERA_KEY,
  OCTAL_MODE,
  NORMAL_ABSOLUTE_PATH,
  CPU_QUANTITY,
  MEMORY_QUANTITY,
  IMAGE_REFERENCE,
  SYSTEMD_UNIT_NAME,
  INI_KEY,
  INI_VALUE,
  SCOPE_NAME;

  boolean accepts(String s) {
    switch (this) {
      case DNS_LABEL:
        return Syntax.isDnsLabel(s);
      case FQDN:
        return Syntax.isFqdn(s);
      case LABEL_KEY:
        return Syntax.isLabelKey(s);
      case LABEL_VALUE:
        return Syntax.isLabelValue(s);
      case POSIX_NAME:
        return Syntax.isPosixName(s);
      case HIERA_KEY:
        return Syntax.isHieraKey(s);
      case OCTAL_MODE:
        return Syntax.isOctalMode(s);
      case NORMAL_ABSOLUTE_PATH:
        return Syntax.isNormalAbsolutePath(s);
      case CPU_QUANTITY:
        return Syntax.isCpuQuantity(s);
      case MEMORY_QUANTITY:
        return Syntax.isMemoryQuantity(s);
      case IMAGE_REFERENCE:
        return Syntax.isImageReference(s);
      case SYSTEMD_UNIT_NAME:
        return Syntax.isSystemdUnitName(s);
      case INI_KEY:
        return Syntax.isIniKey(s);
      case INI_VALUE:
        return Syntax.isIniValue(s);
      case SCOPE_NAME:
        return Syntax.isScopeName(s);
      default:
        throw new AssertionError(this);
    }
  }
}
