// Filled in with the feature.
#include <gtest/gtest.h>
