export { ensureDemo, type DemoOptions, type DemoCredentials } from './ensure-demo.js';
export { planDemoUsers, type DemoUserPlan } from './demo-users.js';
export { ensureWebBuild } from './web-build.js';
