/**
 * Wellbeing instruments used in social prescribing, and how their scores are derived from item
 * responses. Item responses are what is stored; scores are always recomputed from them here.
 */
package org.wayfinder.kernel.wellbeing;
