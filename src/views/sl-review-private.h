/* sl-review-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-review.h"

G_BEGIN_DECLS

typedef enum
{
  SL_REVIEW_KPIS,        /* the Overview's summary of the period */
  SL_REVIEW_ANNOTATION,  /* a win or loss of the period */
  SL_REVIEW_PLAN,        /* a reallocation plan awaiting decision */
  SL_REVIEW_REQUEST,     /* a budget request */
} SlReviewKind;

/* One item of the meeting's agenda. */
typedef struct
{
  SlReviewKind  kind;
  gint64        id;       /* the record's; 0 for the KPIs */
  char         *doc_id;   /* what its discussion is about; NULL for the KPIs */
} SlReviewItem;

/* sl-review-agenda.c: the agenda of a meeting on @meeting_day about
 * @period: the KPIs, the wins and losses of the period, the plans
 * proposed, the budget requests submitted (else the latest one).
 * Returns a GPtrArray of SlReviewItem. */
GPtrArray  *sl_review_agenda_build    (SlWorkspace        *workspace,
                                       const SlPeriod     *period);
void        sl_review_item_free       (SlReviewItem       *item);

/* The headings of a slide: what kind of item (“Loss”), its title, and
 * a line about it (its channel and days, its status); each newly
 * allocated. */
void        sl_review_item_describe   (const SlReviewItem *item,
                                       SlWorkspace        *workspace,
                                       SlViewFilter       *filter,
                                       char              **kind,
                                       char              **title,
                                       char              **subtitle);

/* sl-review-slides.c: the numbers of an item, into @box (emptied
 * first), as of @meeting_day. */
void        sl_review_fill_numbers    (const SlReviewItem *item,
                                       SlWorkspace        *workspace,
                                       SlViewFilter       *filter,
                                       SlDay               meeting_day,
                                       GtkBox             *box);


G_END_DECLS
