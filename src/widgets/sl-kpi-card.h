/* sl-kpi-card.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-sparkline.h"

G_BEGIN_DECLS

/* One of the figures finance asked for: its name (its definition on
 * hover), its value ("—" and why, when undefined), the change against
 * the previous period coloured good or bad, where it stands against its
 * goal, and its trend. Knows only GTK: callers give texts. */

/* How a line of the card reads: good news, bad news, or neither. */
typedef enum
{
  SL_KPI_CARD_NEUTRAL,
  SL_KPI_CARD_GOOD,
  SL_KPI_CARD_BAD,
} SlKpiCardTone;

#define SL_TYPE_KPI_CARD (sl_kpi_card_get_type ())
G_DECLARE_FINAL_TYPE (SlKpiCard, sl_kpi_card, SL, KPI_CARD, GtkWidget)

GtkWidget   *sl_kpi_card_new            (void);
void         sl_kpi_card_set_title      (SlKpiCard   *self,
                                         const char  *title,
                                         const char  *definition);
/* @reason not NULL: the value is undefined, shown as "—". */
void         sl_kpi_card_set_value      (SlKpiCard   *self,
                                         const char  *text,
                                         const char  *reason);
void         sl_kpi_card_set_change     (SlKpiCard   *self,
                                         const char  *text,
                                         SlKpiCardTone  change);
void         sl_kpi_card_set_goal       (SlKpiCard   *self,
                                         const char  *text,
                                         SlKpiCardTone    goal);
SlSparkline *sl_kpi_card_get_sparkline  (SlKpiCard   *self);

/* For tests. */
const char  *sl_kpi_card_get_value_text (SlKpiCard   *self);
const char  *sl_kpi_card_get_change_text (SlKpiCard  *self);
SlKpiCardTone  sl_kpi_card_get_change     (SlKpiCard   *self);
SlKpiCardTone    sl_kpi_card_get_goal       (SlKpiCard   *self);

G_END_DECLS
