// Sets Mantine's colour-scheme attribute before React starts, so a dark-mode
// user never sees a white flash. Mirrors localStorageColorSchemeManager's key.
(function () {
  var value = 'auto';
  try {
    value = window.localStorage.getItem('vouch-color-scheme') || 'auto';
  } catch (error) {
    value = 'auto';
  }
  if (value !== 'light' && value !== 'dark') {
    value = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', value);
})();
