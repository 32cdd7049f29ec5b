// Ids inside the dashboards. Panel, layer and drilldown event ids only need
// to be unique within one dashboard, so they are fixed strings, the same in
// every space. Saved-object ids come from savedObjectId() instead.

/** Logical names of the bundle-owned saved objects (UUID v5 per space). */
export const LOGICAL_NAME = {
  logsDataView: "logs-data-view",
  rawEventsSearch: "beaconing-raw-events-search",
  networkBeaconing: "network-beaconing-dashboard",
  beaconingDrilldown: "beaconing-drilldown-dashboard",
  hostsOverTime: "hosts-affected-over-time-dashboard",
} as const;

/** panelIndex of each dashboard panel. */
export const PANEL = {
  signalsOverTime: "6c999453-920c-4fd1-af93-6ee29092f881",
  topHosts: "80b1da85-5e64-422f-855c-6c0737d1de5d",
  topProcesses: "47a80fb2-f763-44c8-aa6a-df14b527e9e6",
  processTable: "35bc17fc-9241-4492-94c2-03ec19fba5c6",
  rawEvents: "34b45439-92df-4c0c-a445-6c3ddce96c4b",
  signalDetails: "92d2e5a5-98c8-4ce1-b225-56bc3e2c3ac0",
  hostsOverTime: "5dd7959b-22b6-46ff-ab6d-82033a30dac6",
} as const;

/** Lens layer id of each by-value Lens panel. */
export const LAYER = {
  signalsOverTime: "08ed3c2f-d34f-4d66-bafb-e47f4fa58b54",
  topHosts: "fb6c87f9-2318-42cf-ae39-5acc7f3de051",
  topProcesses: "5b708edb-812b-4f59-b4b1-2d2693497c66",
  processTable: "21bef060-ce55-4165-9bc7-08750015df2e",
  signalDetails: "7cc0d52a-e10f-4b8d-aa25-9297f99d83ed",
  hostsOverTime: "b375f4d5-a08f-440e-a261-277016d16f2d",
} as const;

/** eventId of each dashboard-to-dashboard drilldown. */
export const DRILLDOWN_EVENT = {
  signalsOverTime: "46c5b378-2fcf-464c-9793-4a14b53c44f7",
  topHosts: "e54abfb8-9952-49e3-aec7-cbd3e5a11397",
  topProcesses: "ebaf74e0-2640-4c70-8bed-329a976720ca",
  processTable: "dc402a1a-457e-4cf8-b799-54bec08a3d71",
  hostsOverTime: "6ec8407f-ee2c-42e0-82ce-a882a302828a",
} as const;
