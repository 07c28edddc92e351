/** The published language of Wayfinder: commands, events, queries and value objects shared by every module. */
package org.wayfinder.kernel;
