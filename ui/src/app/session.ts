// In-memory state for this run of the app: whether the user skipped the welcome screen.
let welcomeSkipped = false;

export const isWelcomeSkipped = () => welcomeSkipped;
export const skipWelcome = () => {
  welcomeSkipped = true;
};
/** Tests start each case from a fresh launch. */
export const resetSession = () => {
  welcomeSkipped = false;
};
