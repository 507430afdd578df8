/* sl-gtk-theme.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Letting GTK skip its default theme, which libadwaita replaces with its
 * stylesheet as it starts (80 M instructions, about 12 ms, of every
 * start; docs/decisions.md). Header only, so that the start-up
 * benchmark's bare window, which links libadwaita alone, skips it exactly
 * as the app does (sl_application_prepare()). */

#pragma once

#include <gtk/gtk.h>

/* The theme libadwaita sets for GTK when it starts. */
#define SL_ADW_EMPTY_THEME "Adwaita-empty"

/* Call before any other thread starts. Unless the user set GTK_THEME,
 * sets it to libadwaita's empty theme, so that GTK does not parse its
 * own; returns whether it did, and so whether sl_gtk_theme_skip_end() is
 * owed. */
static inline gboolean
sl_gtk_theme_skip_begin (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return FALSE;
  return g_setenv ("GTK_THEME", SL_ADW_EMPTY_THEME, TRUE);
}

/* Call before libadwaita starts: starts GTK and makes the display's
 * settings, where GTK reads its theme, then unsets GTK_THEME, so that
 * libadwaita, seeing none, loads its stylesheet as usual. unsetenv()
 * moves pointers within the environment and frees nothing, so a thread
 * reading the environment meanwhile reads valid memory. */
static inline void
sl_gtk_theme_skip_end (void)
{
  gtk_init ();
  gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}
