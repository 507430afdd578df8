/* main.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlApplication) app = NULL;

  sl_application_prepare ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
