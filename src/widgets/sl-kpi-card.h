/* sl-kpi-card.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One of the figures finance asked for, on a libadwaita card: its name,
 * its value, large ("—" when undefined, with the reason in the
 * tooltip), the change against the previous period with an arrow up or
 * down coloured by whether that is good or bad, where it stands against
 * its goal, and a slot for its trend (a sparkline). The metric's
 * definition is the card's tooltip. Focusable, its accessible name the
 * title and its description the rest. Knows only GTK: callers give
 * formatted texts and say what is good. */

/* Whether a change is good news, bad news, or neither. */
typedef enum
{
  SL_KPI_CARD_NEUTRAL,
  SL_KPI_CARD_GOOD,
  SL_KPI_CARD_BAD,
} SlKpiCardTone;

/* Which way the figure moved: no arrow (no change to show), up, down,
 * or level. */
typedef enum
{
  SL_KPI_CARD_ARROW_NONE,
  SL_KPI_CARD_ARROW_UP,
  SL_KPI_CARD_ARROW_DOWN,
  SL_KPI_CARD_ARROW_FLAT,
} SlKpiCardArrow;

/* Where the figure stands against its goal. */
typedef enum
{
  SL_KPI_CARD_NO_GOAL,
  SL_KPI_CARD_GOAL_MET,
  SL_KPI_CARD_GOAL_BEHIND,
  SL_KPI_CARD_GOAL_UNKNOWN,   /* a goal, but no figure to compare yet */
} SlKpiCardGoal;

#define SL_TYPE_KPI_CARD (sl_kpi_card_get_type ())
G_DECLARE_FINAL_TYPE (SlKpiCard, sl_kpi_card, SL, KPI_CARD, GtkWidget)

GtkWidget     *sl_kpi_card_new               (void);
/* @definition (how the figure is computed) is the card's tooltip. */
void           sl_kpi_card_set_title         (SlKpiCard      *self,
                                              const char     *title,
                                              const char     *definition);
/* @reason not NULL: the value is undefined, shown as "—", and @reason
 * (e.g. "no new customers") is in the tooltip. */
void           sl_kpi_card_set_value         (SlKpiCard      *self,
                                              const char     *text,
                                              const char     *reason);
/* @text without an arrow, e.g. "12.0 % against May 2025"; the card
 * draws @arrow, both in the colour of @tone. */
void           sl_kpi_card_set_change        (SlKpiCard      *self,
                                              const char     *text,
                                              SlKpiCardArrow  arrow,
                                              SlKpiCardTone   tone);
/* @text, e.g. "Goal $1,000,000 met"; NULL with SL_KPI_CARD_NO_GOAL
 * says so in the card's words. */
void           sl_kpi_card_set_goal          (SlKpiCard      *self,
                                              const char     *text,
                                              SlKpiCardGoal   goal);
/* Puts @trend (e.g. an SlSparkline; NULL: none) at the card's foot. */
void           sl_kpi_card_set_trend_widget  (SlKpiCard      *self,
                                              GtkWidget      *trend);
GtkWidget     *sl_kpi_card_get_trend_widget  (SlKpiCard      *self);

/* For tests: what the card shows, and the colour of the change. */
const char    *sl_kpi_card_get_title         (SlKpiCard      *self);
const char    *sl_kpi_card_get_value_text    (SlKpiCard      *self);
const char    *sl_kpi_card_get_change_text   (SlKpiCard      *self);
SlKpiCardArrow sl_kpi_card_get_arrow         (SlKpiCard      *self);
SlKpiCardTone  sl_kpi_card_get_change        (SlKpiCard      *self);
const char    *sl_kpi_card_get_goal_text     (SlKpiCard      *self);
SlKpiCardGoal  sl_kpi_card_get_goal          (SlKpiCard      *self);
void           sl_kpi_card_get_change_color  (SlKpiCard      *self,
                                              GdkRGBA        *out);
char          *sl_kpi_card_dup_description   (SlKpiCard      *self);

G_END_DECLS
