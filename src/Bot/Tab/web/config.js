// The configurable tab's configuration page: it only confirms and saves (TeamsJS pages.config).
import { pages } from '@microsoft/teams-js';
import { initTeams } from './teams.js';

const status = document.getElementById('config-status');

async function start() {
  const context = await initTeams();
  if (!context) {
    status.textContent = 'Trang này dùng trong Microsoft Teams, khi thêm trang Tiến độ CCHC vào một kênh.';
    return;
  }
  const page = `${location.origin}/tab/`;
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({ entityId: 'tien-do-cchc', contentUrl: page, websiteUrl: page, suggestedDisplayName: 'Tiến độ CCHC' })
      .then(() => save.notifySuccess(), (e) => save.notifyFailure(String(e)));
  });
  pages.config.setValidityState(true);
}

start();
