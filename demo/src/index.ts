export { DEMO_ACTORS, DemoStepError, PlatformClient, type DemoPlatform } from './platform-client';
export type { Progress } from './progress';
export { seedDemoWorld, type DemoWorld, type DemoWorldOptions } from './world/seed-world';
export { startDemoMerchantReceiver, type DemoMerchantReceiver } from './merchant-receiver';
export { startLiveTraffic, type LiveTrafficOptions } from './live-traffic';
export { demoVoucherPng } from './voucher-image';
