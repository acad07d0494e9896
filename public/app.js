// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary after a form is re-rendered with errors, so screen readers
// announce it and keyboard users land on it.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();
});
