/**
 * Stands in for bootstrap-italia's JavaScript in component tests. Under Node its
 * package "main" is a browser bundle that sets process.env.NODE_ENV to
 * "production" when loaded, which breaks React's development JSX runtime.
 * design-react-kit imports it only for the Video component.
 */
export class VideoPlayer {}
