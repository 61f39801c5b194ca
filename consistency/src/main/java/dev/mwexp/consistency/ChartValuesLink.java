package dev.mwexp.consistency;

/** The service's values survive helm's merge with the common files (read with the chart's layers). */
@ChainLink("CHART_VALUES")
final class ChartValuesLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    findings.addAll(chain.facts.real().chartValues());
  }
}
