// Teams host detection, TabSSO token and theme: shared by the page and the configuration page.
import { app, authentication } from '@microsoft/teams-js';
import { setTheme } from '@fluentui/web-components';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/tokens';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** Applies a Teams theme name ("default", "dark", "contrast"; anything else is the default). */
export function applyTheme(name, onChange) {
  const theme = themes[name] ? name : 'default';
  setTheme(themes[theme]);
  document.body.dataset.theme = theme;
  onChange?.(theme);
}

/** True when the page runs inside a Teams client (an iframe or a window Teams opened). */
export function maybeInTeams() {
  return window.parent !== window || !!window.opener;
}

/** Initialises TeamsJS when hosted by Teams; resolves to the context, or null outside Teams. */
export async function initTeams(onTheme) {
  const forced = new URLSearchParams(location.search).get('theme');
  if (forced) applyTheme(forced, onTheme);
  if (!maybeInTeams()) {
    if (!forced) applyTheme(matchMedia('(prefers-contrast: more)').matches ? 'contrast' : 'default', onTheme);
    return null;
  }
  try {
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 8000))]);
    const context = await app.getContext();
    if (!forced) applyTheme(context.app.theme, onTheme);
    app.registerOnThemeChangeHandler((theme) => applyTheme(theme, onTheme));
    app.notifySuccess();
    return context;
  } catch {
    if (!forced) applyTheme('default', onTheme);
    return null;
  }
}

/** The Teams SSO token for the bot's API (webApplicationInfo.resource). */
export function ssoToken() {
  return authentication.getAuthToken();
}
