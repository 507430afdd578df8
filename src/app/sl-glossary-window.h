/* sl-glossary-window.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Help (F1): every metric Sunlight shows, with its definition and
 * formula, in the user's language, searchable — finance's acronyms
 * explained once for everybody in the meeting. */

#define SL_TYPE_GLOSSARY_WINDOW (sl_glossary_window_get_type ())
G_DECLARE_FINAL_TYPE (SlGlossaryWindow, sl_glossary_window, SL, GLOSSARY_WINDOW, AdwWindow)

GtkWindow *sl_glossary_window_new           (GtkWindow        *parent);
/* Shows only the metrics whose name or definition holds @text. */
void       sl_glossary_window_set_search    (SlGlossaryWindow *self,
                                             const char       *text);
/* The metrics shown, for tests. */
guint      sl_glossary_window_get_n_visible (SlGlossaryWindow *self);

G_END_DECLS
