// Vite's ambient types (import.meta.env, asset imports).
/// <reference types="vite/client" />
